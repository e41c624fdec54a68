package com.spotfunnel.voice.pipeline.stress;

import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The runs this instance knows, in memory: the most recent {@code pipeline.stress-test.keep-runs}; past that the
 * oldest finished run is forgotten (a running one never is). Lost on restart — a run is a tool an operator
 * watches, not a record (the operator copies the result).
 */
@ApplicationScoped
public class StressRuns {

    private final int keep;
    private final Map<String, StressRun> runs = new LinkedHashMap<>();

    public StressRuns(PipelineConfig config) {
        this.keep = config.stressTest().keepRuns();
    }

    synchronized void add(StressRun run) {
        runs.put(run.id(), run);
        Iterator<StressRun> oldest = runs.values().iterator();
        while (runs.size() > keep && oldest.hasNext()) {
            if (oldest.next().done()) {
                oldest.remove();
            }
        }
    }

    synchronized Optional<StressRun> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }
}
