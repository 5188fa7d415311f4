"""The recap data: typed model, conversion from and to data files, schema."""
