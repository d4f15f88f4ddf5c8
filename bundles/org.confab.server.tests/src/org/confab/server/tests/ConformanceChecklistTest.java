package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The conformance suite and the checklist of docs/protocol.md (section 17) name the same tests: a
 * statement added to the document without a test, or a test without its statement, fails here.
 */
class ConformanceChecklistTest {
    private static final List<Class<?>> SUITE = List.of(ConformanceFramingTest.class, ConformanceHandshakeTest.class,
            ConformanceLoginTest.class, ConformanceMessagingTest.class);

    @Test
    void everyChecklistLineHasItsTestAndEveryTestItsLine() throws Exception {
        Set<String> tests = new TreeSet<>();
        for (Class<?> type : SUITE) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Statement.class)) {
                    assertTrue(tests.add(method.getName()), "two tests named " + method.getName());
                }
            }
        }
        Set<String> listed = new TreeSet<>(ProtocolDocument.read().checklist().keySet());
        assertTrue(listed.size() >= 30, "the checklist has only " + listed.size() + " lines");
        assertEquals(listed, tests, "checklist lines (expected) against conformance tests (actual)");
    }
}
