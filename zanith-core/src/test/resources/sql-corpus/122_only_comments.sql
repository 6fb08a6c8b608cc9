-- nothing here
/* nor; here */
