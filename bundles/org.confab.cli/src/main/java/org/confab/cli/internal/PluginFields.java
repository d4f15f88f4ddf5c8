package org.confab.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.confab.protocol.messages.PluginMessages.Change;
import org.confab.protocol.messages.PluginMessages.Plugin;

/** How the plugin commands print a plugin feature and a change, as text and as JSON fields. */
final class PluginFields {
    private PluginFields() {
    }

    static Map<String, Object> plugin(Plugin plugin) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("feature", plugin.feature());
        fields.put("version", plugin.version());
        fields.put("name", plugin.name());
        fields.put("provider", plugin.provider());
        fields.put("builtIn", plugin.builtIn());
        return fields;
    }

    static String pluginText(Plugin plugin) {
        return plugin.feature() + " " + plugin.version() + (plugin.name().isEmpty() ? "" : "  " + plugin.name())
                + (plugin.builtIn() ? "  (built in)" : "");
    }

    /** A change; its warnings (unsigned content, nothing newer) follow on lines of their own in text mode. */
    static void change(Output output, String verb, Change change) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", verb);
        fields.putAll(plugin(change.plugin()));
        fields.put("warnings", change.warnings());
        StringBuilder text = new StringBuilder(verb).append(' ').append(pluginText(change.plugin()));
        change.warnings().forEach(warning -> text.append(System.lineSeparator()).append("warning: ").append(warning));
        output.item(text.toString(), fields);
    }
}
