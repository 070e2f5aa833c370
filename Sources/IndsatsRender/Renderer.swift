// rendering
