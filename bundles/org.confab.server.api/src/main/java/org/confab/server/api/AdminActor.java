package org.confab.server.api;

import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * Who asks for an administrative operation: the logged-in user of a session (whose administrator
 * rights {@link AdminService} checks on every call) or the server console, which is trusted because
 * only the operator of the server process can reach it.
 *
 * @param name the username, or {@value #CONSOLE}
 * @param address where the request came from ({@code host:port}), or {@value #CONSOLE}
 * @param isConsole whether this is the server console
 * @param sessionAdmin whether the session logged in with the administrator role
 */
public record AdminActor(String name, String address, boolean isConsole, boolean sessionAdmin) {

    /** Name and address of the server console in the audit log; no account can have this name. */
    public static final String CONSOLE = "console";

    /** The operator at the server console. */
    public static AdminActor console() {
        return new AdminActor(CONSOLE, CONSOLE, true, false);
    }

    /** The user logged in on {@code session}. */
    public static AdminActor of(ClientSession session) {
        String username = session.username().orElseThrow(() -> new IllegalStateException("session is not logged in"));
        return new AdminActor(username, format(session.remoteAddress()), false, session.isAdmin());
    }

    /** {@code 192.0.2.7:50412} or {@code [2001:db8::7]:50412}. */
    public static String format(InetSocketAddress address) {
        if (address == null) {
            return "unknown";
        }
        InetAddress ip = address.getAddress();
        String host = ip == null ? address.getHostString() : ip.getHostAddress();
        return (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
