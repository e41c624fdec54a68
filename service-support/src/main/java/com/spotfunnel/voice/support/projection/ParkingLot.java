package com.spotfunnel.voice.support.projection;

import io.smallrye.mutiny.Uni;

/** Where a projection puts the records it cannot apply (a table of the service's own schema). */
public interface ParkingLot {

    /** Completes once the record is stored; parking the same record (topic, partition, offset) again is a no-op. */
    Uni<Void> park(ParkedRecord record);
}
