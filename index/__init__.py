"""Similarity search over past questions: embeddings in a FAISS index tied to the store."""
