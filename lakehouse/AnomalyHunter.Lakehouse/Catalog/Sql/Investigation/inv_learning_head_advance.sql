UPDATE learning_head SET version = @next WHERE id = 1 AND version = @expected
