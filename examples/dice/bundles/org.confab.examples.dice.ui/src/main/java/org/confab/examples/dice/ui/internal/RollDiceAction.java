package org.confab.examples.dice.ui.internal;

import org.confab.client.ui.ContributionProperties;
import org.confab.client.ui.ConversationAction;
import org.confab.client.ui.ConversationContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * "Roll dice" in every conversation's toolbar: asks the server to roll a 20-sided die for this
 * conversation. The roll comes back as an {@code x.dice} message in both users' transcripts, drawn by
 * {@link DiceRenderer}. Disabled (with the reason as tooltip) while the server has no dice plugin.
 */
@Component(property = { ContributionProperties.ID + "=" + RollDiceAction.ID,
        ContributionProperties.REQUIRED_CAPABILITY + "=" + DiceRenderer.KIND })
public final class RollDiceAction implements ConversationAction {
    static final String ID = "org.confab.examples.dice.roll";
    static final int SIDES = 20;

    @Override
    public String label() {
        return "Roll dice";
    }

    @Override
    public String tooltip() {
        return "Roll a " + SIDES + "-sided die; the server rolls, so both of you see the same number";
    }

    @Override
    public void run(ConversationContext context) {
        Display display = context.shell().getDisplay();
        context.session().request("x.dice.roll", JsonNodeFactory.instance.objectNode().put("peer", context.peer()).put("sides", SIDES))
                .whenComplete((answer, failure) -> {
                    if (failure != null) {
                        display.asyncExec(() -> {
                            if (!context.shell().isDisposed()) {
                                MessageDialog.openError(context.shell(), "Roll dice", "The roll failed: " + failure.getMessage());
                            }
                        });
                    }
                });
    }
}
