package org.confab.client.ui.admin.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

class SmallModelsTest {

    @Test
    void usernamesFollowTheServersRules() {
        assertEquals(Optional.empty(), AccountForm.usernameProblem("Dana.S"));
        assertEquals(Optional.of("Enter a username."), AccountForm.usernameProblem("  "));
        assertTrue(AccountForm.usernameProblem("ab").orElseThrow().contains("3 to 32"));
        assertTrue(AccountForm.usernameProblem("9lives").orElseThrow().contains("start with a letter"));
        assertTrue(AccountForm.usernameProblem("a b c").orElseThrow().contains("only letters"));
    }

    @Test
    void passwordsMustBeLongEnoughFreeOfTheUsernameAndConfirmed() {
        assertEquals(Optional.empty(), AccountForm.passwordProblem("dana", "correct horse", "correct horse"));
        assertTrue(AccountForm.passwordProblem("dana", "short", "short").orElseThrow().contains("at least 8"));
        assertTrue(AccountForm.passwordProblem("dana", "my-DANA-pass", "my-DANA-pass").orElseThrow().contains("username"));
        assertEquals(Optional.of("The two passwords differ."), AccountForm.passwordProblem("dana", "correct horse", "correct horsE"));
    }

    @Test
    void displayNamesAreBoundedAndPrintable() {
        assertEquals(Optional.empty(), AccountForm.displayNameProblem(""));
        assertTrue(AccountForm.displayNameProblem("x".repeat(65)).isPresent());
        assertTrue(AccountForm.displayNameProblem("bell\u0007").isPresent());
    }

    @Test
    void bansAreConvertedToMinutesWithinTheServersRange() {
        assertEquals(Optional.of(90), BanLength.MINUTES.minutes(90));
        assertEquals(Optional.of(120), BanLength.HOURS.minutes(2));
        assertEquals(Optional.of(525_600), BanLength.DAYS.minutes(365));
        assertEquals(Optional.empty(), BanLength.DAYS.minutes(366));
        assertEquals(Optional.empty(), BanLength.MINUTES.minutes(0));
    }

    @Test
    void durationsTimesAndSizesReadWell() {
        assertEquals("45 s", AdminFormat.duration(45));
        assertEquals("12 min", AdminFormat.duration(12 * 60 + 5));
        assertEquals("3 h 5 min", AdminFormat.duration(3 * 3600 + 5 * 60));
        assertEquals("2 d", AdminFormat.duration(2 * 86400 + 59));
        assertEquals("2 d 4 h", AdminFormat.duration(2 * 86400 + 4 * 3600));
        assertEquals("0 s", AdminFormat.duration(-3));
        assertEquals("2026-11-24 10:15:00", AdminFormat.time(1_795_515_300_000L, ZoneOffset.UTC));
        assertEquals("512 B", AdminFormat.bytes(512));
        assertEquals("1.5 KiB", AdminFormat.bytes(1536));
        assertEquals("230.0 MiB", AdminFormat.bytes(230L * 1024 * 1024));
    }

    @Test
    void failuresAreExplainedInTheAdministratorsWords() {
        assertEquals("Not allowed: only administrators may do this.", AdminProblems.describe(
                new CompletionException(new ConfabException(ErrorCode.NOT_ALLOWED, "only administrators may do this"))));
        assertTrue(AdminProblems.describe(new ConfabException(ErrorCode.USERNAME_TAKEN, "taken")).contains("never reused"));
        assertEquals("The server does not offer this (unknown message type 'admin.plugins'): the part of the server that"
                + " handles it is not installed there.", AdminProblems.describe(
                        new ConfabException(ErrorCode.UNKNOWN_TYPE, "unknown message type 'admin.plugins'")));
        assertEquals("The server refused it (feature org.example.feature is installed already).", AdminProblems.describe(
                new ConfabException(ErrorCode.CONFLICT, "feature org.example.feature is installed already")));
        assertTrue(AdminProblems.describe(new ConfabConnectionException("connection lost")).startsWith("Not connected"));
    }
}
