package io.crmkit.analytics;

/** The listener returned by {@link ProgressListener#none()}: one instance, so engines can skip reporting. */
enum SilentProgress implements ProgressListener {
    INSTANCE;

    @Override
    public void onProgress(String stage, long done, long total) {
        // ignores progress by design
    }
}
