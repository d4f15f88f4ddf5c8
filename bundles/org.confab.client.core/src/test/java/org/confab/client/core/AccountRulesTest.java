package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The forms' copy of the server's account rules (protocol section 7). */
class AccountRulesTest {

    @Test
    void usernames() {
        assertEquals(Optional.empty(), AccountRules.usernameProblem(" Dana.S "));
        assertEquals(Optional.of("Enter a username."), AccountRules.usernameProblem("  "));
        assertTrue(AccountRules.usernameProblem("ab").orElseThrow().contains("3 to 32"));
        assertTrue(AccountRules.usernameProblem("a".repeat(33)).orElseThrow().contains("3 to 32"));
        assertTrue(AccountRules.usernameProblem("9lives").orElseThrow().contains("start with a letter"));
        assertTrue(AccountRules.usernameProblem("bad name").orElseThrow().contains("only letters"));
        assertTrue(AccountRules.usernameProblem("Console").orElseThrow().contains("reserved"));
    }

    @Test
    void passwords() {
        assertEquals(Optional.empty(), AccountRules.passwordProblem("dana", "correct horse"));
        assertTrue(AccountRules.passwordProblem("dana", "").orElseThrow().startsWith("Enter"));
        assertTrue(AccountRules.passwordProblem("dana", "short").orElseThrow().contains("at least 8"));
        assertTrue(AccountRules.passwordProblem("dana", "x".repeat(1025)).orElseThrow().contains("at most 1024"));
        assertTrue(AccountRules.passwordProblem("dana", "abababababab").orElseThrow().contains("4 different"));
        assertEquals(Optional.of("The password must not contain the username."),
                AccountRules.passwordProblem(" Dana ", "my-DANA-pass"));
        assertEquals(Optional.empty(), AccountRules.passwordProblem("", "my-DANA-pass"), "no name typed yet");
    }

    @Test
    void displayNames() {
        assertEquals(Optional.empty(), AccountRules.displayNameProblem(""));
        assertTrue(AccountRules.displayNameProblem("x".repeat(65)).isPresent());
        assertTrue(AccountRules.displayNameProblem("bell\u0007").isPresent());
    }
}
