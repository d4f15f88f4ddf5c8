package org.confab.client.ui.internal.views;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.eclipse.swt.widgets.Display;

/**
 * The sound of an incoming message: a short two-note chime synthesised for javax.sound (no sound file
 * to ship), played on a virtual thread so the display thread never waits for the audio device. A
 * machine without a usable device (a server room, a virtual display, a busy device) gets the
 * display's beep instead, and after the first failure javax.sound is not tried again.
 */
public final class IncomingSound {
    private static final float RATE = 22_050f;
    private static final System.Logger LOG = System.getLogger(IncomingSound.class.getName());

    private final Display display;
    private volatile boolean deviceMissing;

    public IncomingSound(Display display) {
        this.display = display;
    }

    public void play() {
        if (deviceMissing) {
            beep();
            return;
        }
        Thread.ofVirtual().name("confab-sound").start(() -> {
            try {
                chime();
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                deviceMissing = true;
                LOG.log(System.Logger.Level.INFO, "no audio device for message sounds (" + e.getMessage()
                        + "); using the display's beep");
                beep();
            }
        });
    }

    private void beep() {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!display.isDisposed()) {
                    display.beep();
                }
            });
        }
    }

    private static void chime() throws LineUnavailableException {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        byte[] samples = concat(tone(880, 90), tone(1320, 120));
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(samples, 0, samples.length);
            line.drain();
        }
    }

    /** A sine tone with a short fade in and out (no clicks), 16-bit little-endian mono. */
    private static byte[] tone(double hertz, int millis) {
        int count = (int) (RATE * millis / 1000);
        int fade = count / 8;
        byte[] pcm = new byte[count * 2];
        for (int i = 0; i < count; i++) {
            double envelope = Math.min(1, Math.min(i, count - i) / (double) fade);
            short value = (short) (Math.sin(2 * Math.PI * hertz * i / RATE) * 9_000 * envelope);
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        return pcm;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
