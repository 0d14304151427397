"""Tools for deck designers: balance simulation (`bbb simulate`) and the spreadsheet route (`bbb deck`)."""
