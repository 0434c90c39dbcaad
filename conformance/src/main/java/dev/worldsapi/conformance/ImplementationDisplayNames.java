package dev.worldsapi.conformance;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Puts the Jakarta REST implementation a suite runs on in front of every test class's and method's
 * display name, e.g. {@code [RESTEasy] ProtocolSweepTest}, so a report says which one failed: the
 * same suites run on Jersey in their own modules and on RESTEasy in {@code resteasy-tests}. The
 * name comes from the system property {@value #PROPERTY}; Jersey when unset. Set as the default
 * generator in each such module's {@code junit-platform.properties}.
 */
public final class ImplementationDisplayNames extends DisplayNameGenerator.Standard {

  /** The system property naming the implementation. */
  public static final String PROPERTY = "worlds.jaxrs.name";

  private static String prefix() {
    return "[" + System.getProperty(PROPERTY, "Jersey") + "] ";
  }

  @Override
  public String generateDisplayNameForClass(Class<?> testClass) {
    return prefix() + super.generateDisplayNameForClass(testClass);
  }

  @Override
  public String generateDisplayNameForNestedClass(
      List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
    return prefix() + super.generateDisplayNameForNestedClass(enclosingInstanceTypes, nestedClass);
  }

  @Override
  public String generateDisplayNameForMethod(
      List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
    return prefix()
        + super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
  }
}
