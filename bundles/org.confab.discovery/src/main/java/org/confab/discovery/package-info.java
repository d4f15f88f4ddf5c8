/**
 * Finding Confab servers on the local network: servers announce the DNS-SD service
 * {@value org.confab.discovery.DnsSd#SERVICE_TYPE} over multicast DNS ({@link org.confab.discovery.DnsSd}
 * names the records), clients browse for it with {@link org.confab.discovery.LanBrowser} and get
 * {@link org.confab.discovery.FoundServer}s whose every field was checked. Anyone on the LAN can announce
 * anything: a found server's fingerprint is a hint the user checks, never a reason to trust it. Plain Java
 * on JmDNS, so the rich client, the CLI and the server use the same code.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.confab.discovery;
