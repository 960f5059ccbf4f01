"""Plan documents -> actions: pure Python, no Django.

Readers turn .txt, .md, .docx and .pdf files into text blocks; the segmenter finds themes and
actions; the grammars find who is responsible (`responsibility`), by when (`deadlines`) and
how it is going (`status`). `styr extract` prints the result as JSON.
"""
