package org.confab.client.ui.internal.prefs;

import org.confab.client.ui.ServerAddress;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * Window &gt; Preferences &gt; Confab: the server, notifications, the heartbeat timeout and reconnect
 * delay, and where plugins put received files and screenshots. Connection settings apply at the next
 * login.
 */
public class ConfabPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public ConfabPreferencePage() {
        super(GRID);
        setDescription("Connection settings take effect at the next login.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, Preferences.QUALIFIER));
    }

    @Override
    protected void createFieldEditors() {
        addField(new StringFieldEditor(Preferences.SERVER, "Server (host:port; a cluster's nodes separated by commas):",
                getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                try {
                    ServerAddress.parseList(getStringValue());
                    return true;
                } catch (IllegalArgumentException e) {
                    setErrorMessage("Server: " + e.getMessage());
                    return false;
                }
            }
        });
        addField(new BooleanFieldEditor(Preferences.NOTIFICATIONS,
                "Show a popup for messages that arrive while the window is in the background", getFieldEditorParent()));
        addField(new BooleanFieldEditor(Preferences.SEND_TYPING,
                "Let the people I write to see when I am typing", getFieldEditorParent()));
        addField(new BooleanFieldEditor(Preferences.READ_RECEIPTS,
                "Send read receipts (off: you do not see others' either)", getFieldEditorParent()));
        addField(new BooleanFieldEditor(Preferences.SOUNDS,
                "Play a sound when a message arrives (not for the conversation in view)", getFieldEditorParent()));
        IntegerFieldEditor away = new IntegerFieldEditor(Preferences.AUTO_AWAY_MINUTES,
                "Show me as away after this many idle minutes (0 = never):", getFieldEditorParent());
        away.setValidRange(0, 24 * 60);
        addField(away);
        IntegerFieldEditor timeout = new IntegerFieldEditor(Preferences.REQUEST_TIMEOUT,
                "Heartbeat: reconnect when the server has not answered for (seconds):", getFieldEditorParent());
        timeout.setValidRange(2, 600);
        addField(timeout);
        IntegerFieldEditor reconnect = new IntegerFieldEditor(Preferences.MAX_RECONNECT_DELAY,
                "Longest wait between reconnect attempts (seconds):", getFieldEditorParent());
        reconnect.setValidRange(1, 600);
        addField(reconnect);
        addField(folder(Preferences.DOWNLOADS, "Received files:"));
        addField(folder(Preferences.SCREENSHOTS, "Screenshots:"));
    }

    /** A folder that need not exist yet: the plugins create it when they first save something. */
    private DirectoryFieldEditor folder(String key, String label) {
        return new DirectoryFieldEditor(key, label, getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                if (getStringValue().isBlank()) {
                    setErrorMessage(label + " choose a folder");
                    return false;
                }
                return true;
            }
        };
    }
}
