"""The web chat: ``render`` and ``conversation`` are pure (no gradio), ``service`` holds the shared checker,
``app`` builds the Gradio Blocks. Only ``app`` imports gradio."""
