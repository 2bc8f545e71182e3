/**
 * XEP-0084 User Avatar on PEP and XEP-0398 User Avatar to vCard-Based Avatars Conversion: an
 * avatar published through PEP becomes the vCard photo, a vCard photo becomes a PEP avatar, and
 * the avatar's hash goes into presence ({@code vcard-temp:x:update}, XEP-0153) so vCard-based
 * clients see the same avatar.
 */
package org.xmppd.pubsub.avatar;
