package org.confab.server.admin.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.Scram;
import org.confab.server.api.AccountChanges;
import org.confab.server.api.AccountOrder;
import org.confab.server.api.AccountOverview;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.DeletionOutcome;
import org.confab.server.api.KickOutcome;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo console commands ({@code confab:users}, {@code confab:kick}, ...) on {@link AdminService}.
 * The console is the server operator's, so it acts with full rights as actor {@code console}, and
 * every change it makes is audited like one made over the network. Commands return their output;
 * a refused command throws, so scripts see the failure.
 */
@Component(service = AdminCommands.class, property = { "osgi.command.scope=confab",
        "osgi.command.function=users", "osgi.command.function=adduser", "osgi.command.function=passwd",
        "osgi.command.function=setname", "osgi.command.function=setadmin", "osgi.command.function=lock",
        "osgi.command.function=unlock", "osgi.command.function=unban", "osgi.command.function=deluser",
        "osgi.command.function=online", "osgi.command.function=kick", "osgi.command.function=broadcast",
        "osgi.command.function=audit", "osgi.command.function=status" })
public class AdminCommands {

    /** A command the server refused; Gogo shows the message. */
    public static final class CommandFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandFailed(ProtocolException cause) {
            super(cause.code() + ": " + cause.getMessage(), cause);
        }
    }

    private interface Action {
        String run() throws ProtocolException;
    }

    private static final int LISTED = 200;

    private final AdminService admin;
    private final AdminActor console = AdminActor.console();
    private final Clock clock = Clock.systemUTC();

    @Activate
    public AdminCommands(@Reference AdminService admin) {
        this.admin = admin;
    }

    @Descriptor("list the accounts (at most 200, by username)")
    public String users() {
        return users("");
    }

    @Descriptor("list the accounts whose username or display name contains TEXT")
    public String users(@Descriptor("TEXT to look for") String query) {
        return run(() -> ConsoleFormat.users(admin.users(console, query, AccountOrder.BY_USERNAME, 0, LISTED), clock.instant()));
    }

    @Descriptor("create an account; without -p a password is generated and shown once")
    public String adduser(
            @Descriptor("make the account an administrator") @Parameter(names = { "-a", "--admin" }, presentValue = "true", absentValue = "false") boolean administrator,
            @Descriptor("display name") @Parameter(names = { "-d", "--display-name" }, absentValue = "") String displayName,
            @Descriptor("password") @Parameter(names = { "-p", "--password" }, absentValue = "") String password,
            @Descriptor("USERNAME") String username) {
        return run(() -> {
            Optional<String> given = Optional.of(password).filter(p -> !p.isEmpty());
            String chosen = given.orElseGet(() -> generatedPassword(username));
            AccountOverview created = admin.addUser(console, username, chosen, displayName, administrator);
            return "created " + (administrator ? "administrator " : "account ") + created.account().username()
                    + given.map(p -> "").orElse(" with password " + chosen);
        });
    }

    @Descriptor("set a new password; without -p one is generated and shown once")
    public String passwd(
            @Descriptor("password") @Parameter(names = { "-p", "--password" }, absentValue = "") String password,
            @Descriptor("USERNAME") String username) {
        return run(() -> {
            Optional<String> given = Optional.of(password).filter(p -> !p.isEmpty());
            String chosen = given.orElseGet(() -> generatedPassword(username));
            AccountOverview changed = admin.updateUser(console, username, AccountChanges.none().withPassword(chosen));
            return "password of " + changed.account().username() + " changed"
                    + given.map(p -> "").orElse(" to " + chosen);
        });
    }

    @Descriptor("change the display name of an account")
    public String setname(@Descriptor("USERNAME") String username, @Descriptor("NAME...") String... name) {
        return run(() -> {
            AccountOverview changed = admin.updateUser(console, username,
                    AccountChanges.none().withDisplayName(String.join(" ", name)));
            return "display name of " + changed.account().username() + " is now '" + changed.account().displayName() + "'";
        });
    }

    @Descriptor("give (true) or take (false) the administrator role")
    public String setadmin(@Descriptor("USERNAME") String username, @Descriptor("true or false") String role) {
        return run(() -> {
            boolean value = parseBoolean(role);
            AccountOverview changed = admin.updateUser(console, username, AccountChanges.none().withAdmin(value));
            return changed.account().username() + (value ? " is now an administrator" : " is no longer an administrator");
        });
    }

    @Descriptor("lock an account: it cannot log in, and its sessions are closed")
    public String lock(@Descriptor("USERNAME") String username) {
        return run(() -> admin.updateUser(console, username, AccountChanges.none().withLocked(true)).account().username()
                + " locked");
    }

    @Descriptor("unlock an account")
    public String unlock(@Descriptor("USERNAME") String username) {
        return run(() -> admin.updateUser(console, username, AccountChanges.none().withLocked(false)).account().username()
                + " unlocked");
    }

    @Descriptor("lift a ban before it ends")
    public String unban(@Descriptor("USERNAME") String username) {
        return run(() -> admin.updateUser(console, username, AccountChanges.none().withBanLifted()).account().username()
                + " may log in again");
    }

    @Descriptor("delete an account: it cannot log in, undelivered messages to it are discarded, the name stays taken")
    public String deluser(@Descriptor("USERNAME") String username) {
        return run(() -> {
            DeletionOutcome outcome = admin.deleteUser(console, username);
            return "deleted " + outcome.username() + " (" + Words.count(outcome.sessionsClosed(), "session")
                    + " closed, " + Words.count(outcome.discardedMessages(), "undelivered message") + " discarded)";
        });
    }

    @Descriptor("list the logged-in sessions")
    public String online() {
        return run(() -> ConsoleFormat.online(admin.online(console)));
    }

    @Descriptor("close every session of a user, optionally banning logins for a while")
    public String kick(
            @Descriptor("refuse logins for MINUTES") @Parameter(names = { "-b", "--ban" }, absentValue = "0") int banMinutes,
            @Descriptor("USERNAME") String username, @Descriptor("REASON... shown to the user") String... reason) {
        return run(() -> {
            Optional<Duration> ban = banMinutes == 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(banMinutes));
            KickOutcome outcome = admin.kick(console, username, Optional.of(String.join(" ", reason)), ban);
            return "closed " + Words.count(outcome.sessionsClosed(), "session") + " of " + outcome.username()
                    + outcome.bannedUntil().map(t -> "; banned until " + ConsoleFormat.time(t)).orElse("");
        });
    }

    @Descriptor("send a notice to everyone online")
    public String broadcast(@Descriptor("TEXT...") String... text) {
        return run(() -> "sent to " + Words.count(admin.broadcast(console, String.join(" ", text)), "session"));
    }

    @Descriptor("show the newest entries of the audit log")
    public String audit(
            @Descriptor("how many entries") @Parameter(names = { "-n", "--count" }, absentValue = "20") int count) {
        return run(() -> ConsoleFormat.audit(admin.audit(console, Optional.empty(), count)));
    }

    @Descriptor("show uptime, sessions, accounts, messages today and the database")
    public String status() {
        return run(() -> ConsoleFormat.status(admin.status(console)));
    }

    private static String run(Action action) {
        try {
            return action.run();
        } catch (ProtocolException e) {
            throw new CommandFailed(e);
        }
    }

    static boolean parseBoolean(String text) throws ProtocolException {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> throw new ProtocolException(ErrorCode.BAD_REQUEST, "say true or false, not '" + text + "'");
        };
    }

    /** 120 random bits, URL-safe: long enough to be safe, short enough to type once; never contains the username. */
    static String generatedPassword(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        while (true) {
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(Scram.randomBytes(15));
            if (name.isEmpty() || !password.toLowerCase(Locale.ROOT).contains(name)) {
                return password;
            }
        }
    }
}
