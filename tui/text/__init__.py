"""Text utilities: sanitising, sentence segmentation, normalisation for matching."""
