/**
 * The contracts between MSA Air's services that the build checks. Events: the AsyncAPI documents and
 * JSON Schemas in {@code contracts/events}, read by {@link com.msaair.contracts.EventContracts};
 * publishers validate what they write against them, consumers run
 * {@link com.msaair.contracts.ConsumerContract} on the examples. HTTP: consumer-driven Pact files,
 * written by the consumers' unit tests and verified against the real providers by the system tests.
 * See contracts/README.md.
 */
package com.msaair.contracts;
