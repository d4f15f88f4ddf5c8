package org.confab.screenshot.ui.internal;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Window > Preferences > Confab > Screenshots. */
public final class ScreenshotPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public ScreenshotPreferencePage() {
        super(GRID);
        setDescription("How \"Share screenshot\" captures the screen. The shortcut (Ctrl+Alt+S) can be changed "
                + "under Keys.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, ScreenshotPreferences.QUALIFIER));
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(ScreenshotPreferences.HIDE_WINDOW, "&Hide the Confab window while capturing",
                getFieldEditorParent()));
        addField(new ComboFieldEditor(ScreenshotPreferences.DELAY_SECONDS, "&Delay before capturing:",
                new String[][] { { "none", "0" }, { "3 seconds", "3" }, { "5 seconds", "5" }, { "10 seconds", "10" } },
                getFieldEditorParent()));
        IntegerFieldEditor limit = new IntegerFieldEditor(ScreenshotPreferences.LIMIT_KIB,
                "Largest screenshot to send (&KiB of PNG):", getFieldEditorParent());
        limit.setValidRange(64, 1024 * 1024);
        addField(limit);
        addField(new RadioGroupFieldEditor(ScreenshotPreferences.WHEN_TOO_LARGE, "Above the limit:", 1,
                new String[][] { { "&Scale the screenshot down until it fits", ScreenshotPreferences.SCALE },
                        { "&Refuse it and say so", ScreenshotPreferences.REFUSE } },
                getFieldEditorParent(), true));
    }
}
