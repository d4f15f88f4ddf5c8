package org.confab.client.ui;

/** The client's launch settings, provided as a service to the views. */
public interface ClientSettings {

    /** The server this client talks to. */
    ServerAddress server();
}
