"""Documents built in the background (slow PDFs), cached until the records they show change."""
