/** The nightly scoring and tiering run that chains the engines. */
package io.crmkit.analytics.job;
