package io.glauber.engine.actor;

/**
 * Marker of a message that {@link RingMailbox} hands to its actor at most once per turn: an
 * actor's own clock tick, which a free-running actor re-sends itself after every update. Reading it
 * again in the same turn would only redraw from news it already had; ending the turn instead lets
 * the other actors of the thread run and the news they send arrive before the next tick.
 */
public interface TurnMessage {}
