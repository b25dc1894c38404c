/** Implementation helpers; not part of the API and may change without notice. */
package io.crmkit.analytics.internal;
