"""One module per artifact kind. Each detector is `detect(doc, settings) -> Iterator[Finding]`."""
