package org.confab.client.core.internal;

/** The user name and password remembered for re-login after a reconnect. */
record Credentials(String username, String password) {
    @Override
    public String toString() {
        return "Credentials[" + username + ", password hidden]";
    }
}
