package com.spotfunnel.voice.events.payload;

/** The body of a call event; its class decides the envelope's {@code type}. */
public sealed interface EventPayload
        permits CallStarted,
                TranscriptTurn,
                ProviderFailed,
                FallbackPlayed,
                CallTransferred,
                CostRecorded,
                CallEnded,
                CallAnalyzed,
                SystemError,
                CallStatusReported,
                CallerErased {}
