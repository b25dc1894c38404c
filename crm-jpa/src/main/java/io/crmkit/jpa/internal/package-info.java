/**
 * The JPA store's implementation: entities (kept apart from the domain records), mappers through
 * JSON documents, repositories, transactions and exception translation. Not an API: anything here
 * may change in any release.
 */
package io.crmkit.jpa.internal;
