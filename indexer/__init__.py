"""Build and search the CME Assist index: corpus → loaders → normaliser → chunker → embedder → store."""
