package org.confab.client.ui.internal.help;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.confab.client.ui.ChatSession;
import org.osgi.framework.Bundle;

/**
 * What Help &gt; About Confab tells: the client's version, the server it talks to, and the licence of
 * every bundle running in this client, read from the bundles themselves ({@code Bundle-License}), so
 * the list stays true whatever plugins are installed. Confab's own bundles are counted, not listed.
 */
public final class AboutFacts {
    /** One running bundle and its licence. */
    public record Component(String name, String version, String licence) {
    }

    private AboutFacts() {
    }

    /** "Confab 0.1.0" from the rich client bundle's version, without the build qualifier. */
    public static String version(Bundle client) {
        var version = client.getVersion();
        return "Confab " + version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
    }

    /** The server and how the client stands with it, in plain words. */
    public static String server(ChatSession session) {
        Optional<String> user = session.user().map(u -> u.username());
        return session.server().map(address -> address.host() + ":" + address.port()
                + user.map(name -> " as " + name).orElse("") + " (" + session.state().toString().toLowerCase() + ")")
                .orElse("not connected");
    }

    /** The third-party bundles running in this client with their licences, sorted by name. */
    public static List<Component> components(Bundle[] bundles) {
        List<Component> components = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (bundle.getSymbolicName() == null || own(bundle)) {
                continue;
            }
            String licence = bundle.getHeaders("").get("Bundle-License");
            components.add(new Component(bundle.getSymbolicName(), bundle.getVersion().toString(),
                    licence == null || licence.isBlank() ? "see the bundle's about.html" : licence.strip()));
        }
        components.sort(Comparator.comparing(Component::name));
        return components;
    }

    /** How many of Confab's own bundles (plugins included) run in this client. */
    public static long ownBundles(Bundle[] bundles) {
        return java.util.Arrays.stream(bundles).filter(AboutFacts::own).count();
    }

    private static boolean own(Bundle bundle) {
        return bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("org.confab.");
    }
}
