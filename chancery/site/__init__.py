"""One mission in one language, assembled from the features: pages, navigation, sitemaps, lite/."""
