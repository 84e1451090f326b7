import com.amazonaws.auth.BasicAWSCredentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

class Upload {
  BasicAWSCredentials v1 = new BasicAWSCredentials(System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"));
  AwsBasicCredentials v2 = AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret");
}
