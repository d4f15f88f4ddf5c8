package org.confab.server.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.confab.protocol.ProtocolException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Administration of the server: accounts, sessions, notices, audit log and status. Every method
 * first checks that the {@link AdminActor} may administer (the console always may; a user only while
 * the session logged in as administrator and the account still is an active administrator) and
 * fails with {@code NOT_ALLOWED} otherwise, before anything is read or changed. Every change is
 * recorded in the audit log. Errors carry the protocol code the caller is told.
 */
@ProviderType
public interface AdminService {

    /** Fails with {@code NOT_ALLOWED} unless {@code actor} may administer. */
    void authorize(AdminActor actor) throws ProtocolException;

    /** Accounts whose username or display name contains {@code query} (empty: all), in {@code order}. */
    AccountPage users(AdminActor actor, String query, AccountOrder order, int offset, int limit)
            throws ProtocolException;

    /** Creates an account regardless of the registration policy. */
    AccountOverview addUser(AdminActor actor, String username, String password, String displayName, boolean admin)
            throws ProtocolException;

    /**
     * Changes an account. Locking it closes its sessions ({@code KICKED}); refuses with
     * {@code NOT_ALLOWED} to demote or lock the last active administrator.
     */
    AccountOverview updateUser(AdminActor actor, String username, AccountChanges changes) throws ProtocolException;

    /**
     * Deletes an account: its sessions are closed, undelivered messages to it discarded, messages in
     * other users' histories kept, and its username can never be registered again. Refuses with
     * {@code NOT_ALLOWED} to delete the last active administrator.
     */
    DeletionOutcome deleteUser(AdminActor actor, String username) throws ProtocolException;

    /** Every logged-in session, by username. */
    List<SessionInfo> online(AdminActor actor) throws ProtocolException;

    /**
     * Closes every session of a user with {@code session.closed} code {@code KICKED} and the reason;
     * with a ban, logins are refused ({@code ACCOUNT_BANNED}) until it ends.
     */
    KickOutcome kick(AdminActor actor, String username, Optional<String> reason, Optional<Duration> ban)
            throws ProtocolException;

    /** Pushes an {@code admin.notice} to every logged-in session; returns how many. */
    int broadcast(AdminActor actor, String text) throws ProtocolException;

    /** Audit log entries, newest first, older than {@code beforeId} when present. */
    List<AuditEntry> audit(AdminActor actor, Optional<Long> beforeId, int limit) throws ProtocolException;

    ServerStatus status(AdminActor actor) throws ProtocolException;
}
