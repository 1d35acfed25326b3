// Pure: the namespace of RFC 5005 (Feed Paging and Archiving), shared by the XML serializers.

/** The `fh` namespace of archived feeds (`fh:archive`). */
export const FEED_HISTORY_NAMESPACE = 'http://purl.org/syndication/history/1.0';
