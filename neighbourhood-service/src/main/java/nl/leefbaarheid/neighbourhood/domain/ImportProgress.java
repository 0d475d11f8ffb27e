package nl.leefbaarheid.neighbourhood.domain;

/**
 * How far an import is, as it goes: written by the import's own thread, read by whoever reports on it (an import job's
 * heartbeat), so every figure is a single volatile value. An import that runs as a request has one nobody reads.
 *
 * <p>The percentage is an estimate in two parts: reading and storing the file up to {@value #READING} % (by the bytes
 * read), recalculating the statuses of the areas it changed the rest (by the areas done). It says 100 only when the import
 * is done, which the import itself does not know: it stays at most 99.
 */
public final class ImportProgress {

    /** The part of the percentage that reading and storing the file takes. */
    static final int READING = 60;

    private final long bytes;
    private volatile long bytesRead;
    private volatile int rowsRead;
    private volatile int rowsStored;
    private volatile int areasRecalculated;
    private volatile int areasToRecalculate;
    private volatile boolean stopped;

    /** @param bytes the size of the file, 0 when not known */
    public ImportProgress(long bytes) {
        this.bytes = bytes;
    }

    /** The import was stopped from outside (the service stops): it ends at its next step, and stores nothing. */
    public static final class Stopped extends RuntimeException {
        public Stopped() {
            super("the import was stopped");
        }
    }

    public void bytesRead(long bytesRead) {
        this.bytesRead = bytesRead;
    }

    /** Rows read from the file so far, and of them stored (their observations or areas written). */
    public void rows(int read, int stored) {
        this.rowsRead = read;
        this.rowsStored = stored;
        stopIfAsked();
    }

    /** The areas whose status is to be recalculated; from now on, the file is read. */
    public void recalculating(int areas) {
        this.areasToRecalculate = areas;
        this.bytesRead = bytes;
        stopIfAsked();
    }

    public void recalculated(int areas) {
        this.areasRecalculated = areas;
        stopIfAsked();
    }

    public void stop() {
        stopped = true;
    }

    private void stopIfAsked() {
        if (stopped) {
            throw new Stopped();
        }
    }

    public int rowsRead() {
        return rowsRead;
    }

    public int rowsStored() {
        return rowsStored;
    }

    public int areasRecalculated() {
        return areasRecalculated;
    }

    /** 0 to 99: see the class comment. */
    public int percentage() {
        double reading = bytes <= 0 ? 0 : Math.min(1.0, (double) bytesRead / bytes);
        int toRecalculate = areasToRecalculate;
        double recalculating = toRecalculate == 0 ? 0 : Math.min(1.0, (double) areasRecalculated / toRecalculate);
        return (int) Math.min(99, Math.floor(READING * reading + (100 - READING) * recalculating));
    }
}
