package org.confab.server.tests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A conformance test: it checks the statement of docs/protocol.md that the checklist (section 17)
 * quotes under the test's name, once for every protocol version the server speaks. The method takes
 * the version as its {@code int} parameter.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "protocol version {0}")
@MethodSource("org.confab.server.tests.ConformanceSupport#versions")
@interface Statement {
}
