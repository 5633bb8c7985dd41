/** Helpers for unit tests, published as this module's test-jar for the services' own unit tests. */
package com.msaair.platform.testing;
