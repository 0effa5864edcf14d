SELECT version FROM learning_head WHERE id = 1
