/** XEP-0054: vcard-temp. */
package org.xmppd.server.modules.vcard;
