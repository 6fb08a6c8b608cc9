/**
 * Implementation: how Zanith opens connections (URL normalization, connect and login timeouts) and its small JDBC
 * helper.
 */
package dev.zanith.internal.jdbc;
