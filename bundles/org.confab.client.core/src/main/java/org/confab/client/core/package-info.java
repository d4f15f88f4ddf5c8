/**
 * The headless Confab client: {@link org.confab.client.core.ConfabClient} connects to a server, logs in
 * with SCRAM-SHA-256, sends and receives chat messages and keeps the session alive across connection
 * losses; its {@link org.confab.client.core.AdminClient} makes the administration requests. Plain Java
 * on top of the protocol bundle: no UI toolkit and no OSGi runtime API, so it runs in an OSGi framework
 * and on a plain classpath alike.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.6.0")
package org.confab.client.core;
