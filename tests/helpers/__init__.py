"""What tests share besides fixtures: sites to build and compare, page readers, a browser, generated articles."""
