/**
 * The history view (CQRS read side): a per-customer timeline built only from events, rebuildable
 * from the topics. No Jakarta or MicroProfile types here.
 */
package com.msaair.history.domain;
