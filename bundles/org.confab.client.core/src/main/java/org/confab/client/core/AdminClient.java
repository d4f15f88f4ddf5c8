package org.confab.client.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.confab.client.core.internal.ClientEngine;
import org.confab.protocol.ErrorCode;
import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.AuditPage;
import org.confab.protocol.messages.AdminMessages.AuditQuery;
import org.confab.protocol.messages.AdminMessages.Broadcast;
import org.confab.protocol.messages.AdminMessages.BroadcastResult;
import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.KickResult;
import org.confab.protocol.messages.AdminMessages.OnlineList;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserDeleted;
import org.confab.protocol.messages.ClusterMessages;
import org.confab.protocol.messages.ClusterMessages.ClusterReport;
import org.confab.protocol.messages.PluginMessages;
import org.confab.protocol.messages.PluginMessages.Change;
import org.confab.protocol.messages.PluginMessages.Install;
import org.confab.protocol.messages.PluginMessages.Plugin;
import org.confab.protocol.messages.PluginMessages.Plugins;
import org.confab.protocol.messages.PluginMessages.Uninstall;
import org.confab.protocol.messages.PluginMessages.Update;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.confab.protocol.messages.MessageTypes;

/**
 * The {@code admin.*} requests (docs/protocol.md, section 16) of one {@link ConfabClient}, obtained
 * with {@link ConfabClient#admin()}. They need a session logged in as an administrator; the server
 * checks that on every request and refuses everybody else with
 * {@link org.confab.protocol.ErrorCode#NOT_ALLOWED}, so a failed future carries a
 * {@link ConfabException} with the server's code, exactly as for the other requests of the client.
 * Notices that administrators broadcast arrive at {@link ClientListener#onAdminNotice}.
 * <p>
 * Requests are the protocol's records, which check their fields when they are constructed (an
 * {@link IllegalArgumentException} for a limit out of range, a blank username, a reason that is too
 * long). Nothing is retried after a lost connection: the caller decides whether a change is worth
 * sending again. Thread-safe.
 */
public final class AdminClient {
    private final ClientEngine engine;

    AdminClient(ClientEngine engine) {
        this.engine = engine;
    }

    /** One page of the accounts whose username or display name contains the query, by username. */
    public CompletableFuture<UserPage> users(UserQuery query) {
        return engine.request(MessageTypes.ADMIN_USERS, query, UserPage.class);
    }

    /** Creates an account, also when self-registration is closed; completes with the new account. */
    public CompletableFuture<UserEntry> addUser(AddUser request) {
        return engine.request(MessageTypes.ADMIN_USER_ADD, request, UserEntry.class);
    }

    /**
     * Changes what the request gives (display name, password, role, lock, ban) and leaves the rest;
     * completes with the account as it is now.
     */
    public CompletableFuture<UserEntry> updateUser(UpdateUser request) {
        return engine.request(MessageTypes.ADMIN_USER_UPDATE, request, UserEntry.class);
    }

    /** Deletes an account for good; completes with how many undelivered messages to it were discarded. */
    public CompletableFuture<UserDeleted> deleteUser(String username) {
        return engine.request(MessageTypes.ADMIN_USER_DELETE, new DeleteUser(username), UserDeleted.class);
    }

    /** Every logged-in session, by username. */
    public CompletableFuture<List<OnlineSession>> online() {
        return sessions().thenApply(OnlineList::sessions);
    }

    /**
     * Every logged-in session, by username; from a node of a cluster the sessions of every node that
     * answered in time, each naming its node, and the nodes that did not answer (whose sessions are missing).
     */
    public CompletableFuture<OnlineList> sessions() {
        return engine.request(MessageTypes.ADMIN_ONLINE, Map.of(), OnlineList.class);
    }

    /** Closes every session of a user with the reason, and with a ban also refuses their logins a while. */
    public CompletableFuture<KickResult> kick(Kick request) {
        return engine.request(MessageTypes.ADMIN_KICK, request, KickResult.class);
    }

    /** Sends a notice to every logged-in session, this one included; completes with how many got it. */
    public CompletableFuture<BroadcastResult> broadcast(String text) {
        return engine.request(MessageTypes.ADMIN_BROADCAST, new Broadcast(text), BroadcastResult.class);
    }

    /** One page of the audit log, newest first. */
    public CompletableFuture<AuditPage> audit(AuditQuery query) {
        return engine.request(MessageTypes.ADMIN_AUDIT, query, AuditPage.class);
    }

    /**
     * Uptime, connections, sessions, accounts, today's messages and the database in use; from a node of
     * a cluster also the cluster's health ({@link StatusReport#cluster()}).
     */
    public CompletableFuture<StatusReport> status() {
        return engine.request(MessageTypes.ADMIN_STATUS, Map.of(), StatusReport.class);
    }

    /**
     * The nodes of the cluster the server belongs to, their state and sessions; empty when the server
     * runs alone (a single server does not know {@code admin.cluster} and answers
     * {@link org.confab.protocol.ErrorCode#UNKNOWN_TYPE}). Other refusals fail the future as usual.
     */
    public CompletableFuture<Optional<ClusterReport>> cluster() {
        return engine.request(ClusterMessages.CLUSTER, Map.of(), ClusterReport.class)
                .thenApply(Optional::of)
                .exceptionallyCompose(AdminClient::aloneIfUnknown);
    }

    private static CompletableFuture<Optional<ClusterReport>> aloneIfUnknown(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof ConfabException refused && refused.code() == ErrorCode.UNKNOWN_TYPE
                ? CompletableFuture.completedFuture(Optional.empty())
                : CompletableFuture.failedFuture(cause);
    }

    /** The plugin features installed in the running server, by id. */
    public CompletableFuture<List<Plugin>> plugins() {
        return engine.request(PluginMessages.PLUGINS, Map.of(), Plugins.class).thenApply(Plugins::plugins);
    }

    /**
     * Installs a plugin feature into the running server from a p2 repository that the server reads
     * (an http(s) URL, or a folder or zip on the server's machine); it is in use when this completes.
     */
    public CompletableFuture<Change> installPlugin(Install request) {
        return engine.request(PluginMessages.INSTALL, request, Change.class);
    }

    /** Updates an installed plugin feature to the newest version in a p2 repository. */
    public CompletableFuture<Change> updatePlugin(Update request) {
        return engine.request(PluginMessages.UPDATE, request, Change.class);
    }

    /** Removes a plugin feature from the running server; its message types are unknown when this completes. */
    public CompletableFuture<Change> uninstallPlugin(String feature) {
        return engine.request(PluginMessages.UNINSTALL, new Uninstall(feature), Change.class);
    }
}
