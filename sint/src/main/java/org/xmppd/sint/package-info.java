/**
 * Runs Smack's integration test framework (SINT) against an installed xmppd: starts the server
 * with a test configuration, runs each SINT test class on its own so that one aborting test
 * cannot hide the others, compares the failures with the expected-failure list and prints the
 * results per specification.
 */
package org.xmppd.sint;
