/** Pages of a list, and a lazy iteration over every item of every page. */
@NullMarked
package dev.worldsapi.client.paging;

import org.jspecify.annotations.NullMarked;
